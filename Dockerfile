FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY events events
COPY services services
# /archive belongs to the service user, so a volume mounted there starts writable by it.
RUN pip install --no-cache-dir . && useradd --uid 10001 --no-create-home wsm \
    && mkdir /archive && chown wsm /archive
USER wsm
ENTRYPOINT ["wsm"]
