"""Logging in to the console: Argon2 passwords, session cookies, throttling, CSRF, roles."""

from __future__ import annotations

import asyncio
import re
import threading
from dataclasses import replace

import pytest

from events import EventLog
from events.schema import StaffActed
from services.console import staff
from services.console.accountability import recent
from services.console.client_address import networks
from services.console.staff import Role, StaffDirectory
from services.console.throttle import Limits
from tests.support.console import (
    SETTINGS,
    add_staff,
    browser,
    console_as,
    console_for,
    fetched,
    log_in,
    login_posted,
    posted,
    serving_console,
    submitted,
)


async def test_a_member_of_staff_logs_in_with_their_password(log: EventLog) -> None:
    async with console_for(log, "julia", Role.RECEPTIONIST) as http:
        assert await log_in(http, "julia") == 303
        status, text = await fetched(http, "/agenda")
        assert status == 200
        assert '<html lang="pt-BR">' in text


async def test_the_session_cookie_is_secure_httponly_and_strict(log: EventLog) -> None:
    async with (
        console_for(log, "julia", Role.RECEPTIONIST) as http,
        login_posted(http, "julia") as response,
    ):
        cookie = response.headers["Set-Cookie"]
    assert "Secure" in cookie
    assert "HttpOnly" in cookie
    assert "SameSite=Strict" in cookie


async def test_a_wrong_password_is_refused(log: EventLog) -> None:
    async with console_for(log, "julia", Role.RECEPTIONIST) as http:
        assert await log_in(http, "julia", "not the password") == 401
        async with http.get("/agenda", allow_redirects=False) as page:
            assert page.headers["Location"] == "/login"


async def test_logins_are_refused_after_too_many_failures_even_with_the_password(
    log: EventLog,
) -> None:
    async with console_for(log, "julia", Role.RECEPTIONIST) as http:
        for _ in range(3):
            assert await log_in(http, "julia", "not the password") == 401
        assert await log_in(http, "julia") == 429


async def test_logging_out_ends_the_session(log: EventLog) -> None:
    async with console_as(log, "julia", Role.RECEPTIONIST) as http:
        async with submitted(
            http, "/logout", {}, token_from="/agenda", allow_redirects=False
        ) as out:
            assert out.status == 303
        async with http.get("/agenda", allow_redirects=False) as page:
            assert page.headers["Location"] == "/login"


async def test_a_post_without_the_csrf_token_is_refused_and_changes_nothing(
    log: EventLog,
) -> None:
    async with console_as(log, "root", Role.ADMIN) as http:
        form = {"name": "mallory", "role": "admin"}
        async with http.post("/equipe/adicionar", data=form) as response:
            assert response.status == 403
    assert await StaffDirectory(log.redis, log.keyspace).get("mallory") is None


async def test_a_receptionist_is_refused_the_dpo_pages(log: EventLog) -> None:
    async with console_as(log, "julia", Role.RECEPTIONIST) as http:
        for path in ("/dpo/acessos", "/dpo/consentimento", "/equipe"):
            async with http.get(path) as page:
                assert page.status == 403, path


async def test_an_admin_adds_a_member_of_staff_with_a_generated_password(log: EventLog) -> None:
    async with console_as(log, "root", Role.ADMIN) as http:
        form = {"name": "carla", "role": "dpo"}
        _, text = await posted(http, "/equipe/adicionar", form, token_from="/equipe")
    shown = re.search(r"<code>([^<]+)</code>", text)
    assert shown is not None
    staff = await StaffDirectory(log.redis, log.keyspace).verify("carla", shown[1])
    assert staff is not None and staff.role is Role.DPO


async def test_logging_in_is_in_the_access_log(log: EventLog) -> None:
    async with console_for(log, "julia", Role.RECEPTIONIST) as http:
        await log_in(http, "julia")
    [entry] = await recent(log)
    assert entry.event == StaffActed(staff="julia", role="receptionist", action="logged_in")


async def test_simultaneous_wrong_passwords_check_no_more_than_the_limit(log: EventLog) -> None:
    async with console_for(log, "julia", Role.RECEPTIONIST) as http:
        tries = [log_in(http, "julia", f"wrong guess {n}") for n in range(30)]
        statuses = await asyncio.gather(*tries)
    # The limit is 3 (tests/support/console.py): only 3 passwords are ever checked.
    assert sorted(statuses) == [401] * 3 + [429] * 27


async def test_the_console_answers_health_checks_while_a_password_is_checked(
    log: EventLog, monkeypatch: pytest.MonkeyPatch
) -> None:
    checking, answered = threading.Event(), threading.Event()
    released: list[bool] = []
    real_check = staff._matches

    def held_check(stored: str, password: str) -> bool:
        # The check waits for the health answer: on the event loop it would wait in vain.
        checking.set()
        released.append(answered.wait(timeout=5))
        return real_check(stored, password)

    monkeypatch.setattr(staff, "_matches", held_check)
    async with console_for(log, "julia", Role.RECEPTIONIST) as http:
        attempt = asyncio.ensure_future(log_in(http, "julia", "wrong guess"))
        assert await asyncio.to_thread(checking.wait, 5)
        async with http.get("/healthz") as health:
            assert health.status == 200
        answered.set()
        assert await attempt == 401
    assert released == [True]


async def test_behind_a_trusted_proxy_each_client_has_its_own_address_count(
    log: EventLog,
) -> None:
    limits = Limits(per_account=100, per_address=2, window_s=60)
    settings = replace(SETTINGS, limits=limits, trusted_proxies=networks(["127.0.0.1"]))
    async with console_for(log, "julia", Role.RECEPTIONIST, settings=settings) as http:

        async def attempt(client: str) -> int:
            return await log_in(http, "julia", "wrong guess", {"X-Forwarded-For": client})

        assert [await attempt("198.51.100.1") for _ in range(3)] == [401, 401, 429]
        assert await attempt("198.51.100.2") == 401


async def test_an_account_locked_by_failures_opens_again_after_its_short_window(
    log: EventLog,
) -> None:
    limits = Limits(per_account=2, per_address=100, window_s=600, account_window_s=5)
    settings = replace(SETTINGS, limits=limits)
    async with console_for(log, "julia", Role.RECEPTIONIST, settings=settings) as http:
        for _ in range(2):
            assert await log_in(http, "julia", "a stranger's guess") == 401
        assert await log_in(http, "julia") == 429
        await asyncio.sleep(5.5)  # the account's window passes; no lock of many minutes
        assert await log_in(http, "julia") == 303


async def test_a_removed_account_made_again_does_not_revive_its_old_sessions(
    log: EventLog,
) -> None:
    directory = StaffDirectory(log.redis, log.keyspace)
    async with console_as(log, "julia", Role.RECEPTIONIST) as http:
        await directory.remove("julia")
        await add_staff(log, "julia", Role.RECEPTIONIST)  # same name, same role
        async with http.get("/agenda", allow_redirects=False) as page:
            assert page.headers["Location"] == "/login"


async def test_a_password_reset_ends_the_accounts_open_sessions(log: EventLog) -> None:
    directory = StaffDirectory(log.redis, log.keyspace)
    async with console_as(log, "julia", Role.RECEPTIONIST) as http:
        assert await directory.reset_password("julia", "outra senha bem longa")
        async with http.get("/agenda", allow_redirects=False) as page:
            assert page.headers["Location"] == "/login"
        assert await log_in(http, "julia", "outra senha bem longa") == 303


async def test_an_admin_manages_staff_but_sees_no_patients_data(log: EventLog) -> None:
    async with console_as(log, "root", Role.ADMIN) as http:
        async with http.get("/") as home:
            assert home.url.path == "/equipe"
        for path in ("/agenda", "/pacientes", "/atendimento", "/dpo/acessos",
                     "/dpo/consentimento"):  # fmt: skip
            async with http.get(path) as page:
                assert page.status == 403, path


async def test_the_dpo_is_refused_the_front_desk_and_staff_pages(log: EventLog) -> None:
    async with console_as(log, "carla", Role.DPO) as http:
        for path in ("/agenda", "/pacientes", "/atendimento", "/equipe"):
            async with http.get(path) as page:
                assert page.status == 403, path


@pytest.mark.parametrize(
    "headers",
    [{"Sec-Fetch-Site": "cross-site"}, {"Origin": "https://evil.example"},
     {"Sec-Fetch-Site": "same-site", "Origin": "null"}],
    ids=["sec-fetch-site", "origin", "same-site"],
)  # fmt: skip
async def test_a_login_posted_from_another_site_is_refused(
    log: EventLog, headers: dict[str, str]
) -> None:
    async with (
        console_for(log, "julia", Role.RECEPTIONIST) as http,
        login_posted(http, "julia", headers=headers) as response,
    ):
        assert response.status == 403
        assert "Set-Cookie" not in response.headers
    assert await recent(log) == []


async def test_a_login_posted_from_the_consoles_own_page_is_accepted(log: EventLog) -> None:
    # As Chromium sends it from the login page, whose referrer policy is no-referrer.
    headers = {"Origin": "null", "Sec-Fetch-Site": "same-origin"}
    async with console_for(log, "julia", Role.RECEPTIONIST) as http:
        assert await log_in(http, "julia", headers=headers) == 303


async def test_a_session_left_idle_past_the_idle_timeout_ends(log: EventLog) -> None:
    settings = replace(SETTINGS, idle_s=3)
    async with console_as(log, "julia", Role.RECEPTIONIST, settings=settings) as http:
        async with http.get("/agenda", allow_redirects=False) as page:
            assert page.status == 200
        await asyncio.sleep(4)  # nothing done for longer than the idle timeout
        async with http.get("/agenda", allow_redirects=False) as page:
            assert page.headers["Location"] == "/login"


async def test_a_wrong_password_is_in_the_access_log(log: EventLog) -> None:
    async with console_for(log, "julia", Role.RECEPTIONIST) as http:
        await log_in(http, "julia", "not the password")
    [entry] = await recent(log)
    assert entry.event == StaffActed(staff="julia", role="receptionist", action="login_failed")


async def test_a_failed_login_for_no_account_keeps_no_typed_name(log: EventLog) -> None:
    async with serving_console(log) as base, browser(base) as http:
        await log_in(http, "minha-senha-secreta", "not the password")
    [entry] = await recent(log)
    assert entry.event == StaffActed(staff="(nome desconhecido)", role="",
                                     action="login_failed")  # fmt: skip


async def test_pages_ask_browsers_to_keep_to_https_when_cookies_are_secure(
    log: EventLog,
) -> None:
    async with serving_console(log) as base, browser(base) as http, http.get("/login") as page:
        assert page.headers["Strict-Transport-Security"] == "max-age=31536000"


async def test_a_right_password_starts_the_accounts_count_again(log: EventLog) -> None:
    async with console_for(log, "julia", Role.RECEPTIONIST) as http:
        for _ in range(2):
            assert await log_in(http, "julia", "a typo") == 401
        assert await log_in(http, "julia") == 303
        assert [await log_in(http, "julia", "a typo") for _ in range(4)] == [401] * 3 + [429]
