FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY events events
COPY services services
RUN pip install --no-cache-dir . && useradd --uid 10001 --no-create-home wsm
USER wsm
ENTRYPOINT ["wsm"]
