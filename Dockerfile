# One image for both processes, model trained at build time:
#   docker build -t policy-bot .
#   rasa (default command, `python -m runtime run` = rasa run with runtime.patches):  needs RASA_AUTH_TOKEN and endpoints.yml's variables (.env.example)
#   action server:           python -m runtime.action_server --port 5055
# No secret is baked in: tokens and passwords come from the environment at run time.

# ---- build: the Makefile's install recipe (.venv from requirements/), then `make train`
FROM python:3.11-slim-bookworm AS build
# gcc + libc headers: multidict 5.2 has no cp311 wheel and is compiled from source
RUN apt-get update \
 && apt-get install -y --no-install-recommends make gcc libc6-dev \
 && rm -rf /var/lib/apt/lists/*
# Bytecode is compiled here: at run time /app is read-only for the bot user
ENV PIP_NO_CACHE_DIR=1
WORKDIR /app
# Dependencies first so that editing rules/ or data/ does not reinstall them
COPY Makefile pyproject.toml ./
COPY config/ config/
COPY requirements/ requirements/
RUN make install
COPY . .
RUN make train && rm -rf .rasa

# ---- runtime: same Python at the same path (the venv's symlinks stay valid), no compiler
FROM python:3.11-slim-bookworm
ENV PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONPATH=/app \
    PATH=/app/.venv/bin:$PATH \
    RASA_TELEMETRY_ENABLED=false \
    TF_CPP_MIN_LOG_LEVEL=2 \
    SQLALCHEMY_SILENCE_UBER_WARNING=1 \
    PYTHONWARNINGS=ignore \
    HOME=/home/bot
RUN groupadd --system --gid 10001 bot \
 && useradd --system --uid 10001 --gid bot --create-home --home-dir /home/bot bot \
 && mkdir -p /summaries && chown 10001:10001 /summaries
# Consultation summaries (runtime/summary_store.py); deploy/docker-compose.yml mounts a volume here
ENV SUMMARY_DIR=/summaries
WORKDIR /app
# Owned by root: the bot user can read the code and model but not change them
COPY --from=build /app /app
# Numeric, so that Kubernetes' runAsNonRoot can verify it
USER 10001:10001
EXPOSE 5005 5055
CMD ["sh", "-c", "exec python -m runtime run --model models/current.tar.gz --endpoints endpoints.yml --credentials credentials.yml --port 5005 --enable-api --auth-token \"${RASA_AUTH_TOKEN:?RASA_AUTH_TOKEN is not set}\""]
