FROM python:3.11-slim
WORKDIR /app
# The locked releases first, each checked against its hashes (its own layer: rebuilt only
# when the lock changes); scripts/lock writes the lock from pyproject.toml's ranges.
COPY requirements.lock ./
RUN pip install --no-cache-dir --no-deps --require-hashes -r requirements.lock && pip check
COPY pyproject.toml README.md ./
COPY events events
COPY services services
# The example clinic's information, so the image answers as `wsm up` does; compose mounts
# the clinic's own file over it, Kubernetes the wsm-clinic ConfigMap (CLINIC_KNOWLEDGE_FILE
# names this path in both).
COPY ops/clinic/knowledge.md /etc/wsm/clinic/knowledge.md
COPY ops/clinic/clinic.toml /etc/wsm/clinic/clinic.toml
# The project alone, built by the locked setuptools: nothing installed here is unchecked.
# /archive belongs to the service user, so a volume mounted there starts writable by it.
RUN pip install --no-cache-dir --no-deps --no-build-isolation . \
    && useradd --uid 10001 --no-create-home wsm \
    && mkdir /archive && chown wsm /archive
USER wsm
ENTRYPOINT ["wsm"]
