FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY events events
COPY services services
# The example clinic's information, so the image answers as `wsm up` does; compose mounts
# the clinic's own file over it, Kubernetes the wsm-clinic ConfigMap (CLINIC_KNOWLEDGE_FILE
# names this path in both).
COPY ops/clinic/knowledge.md /etc/wsm/clinic/knowledge.md
# /archive belongs to the service user, so a volume mounted there starts writable by it.
RUN pip install --no-cache-dir . && useradd --uid 10001 --no-create-home wsm \
    && mkdir /archive && chown wsm /archive
USER wsm
ENTRYPOINT ["wsm"]
