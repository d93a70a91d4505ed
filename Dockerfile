# The service with its embedded SQLite by default; set DATABASE_URL for PostgreSQL.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    DATABASE_URL=sqlite+aiosqlite:////data/windykacja.db
WORKDIR /srv/windykacja

COPY pyproject.toml README.md alembic.ini ./
COPY app ./app
COPY letters ./letters
COPY scheduler ./scheduler
COPY schemas ./schemas
COPY alembic ./alembic
RUN pip install --no-cache-dir -e . && mkdir -p /data && useradd --system windykacja \
    && chown windykacja /data
USER windykacja
VOLUME ["/data"]
EXPOSE 8000

# `serve` applies the migrations, then starts the server.
CMD ["windykacja", "serve", "--host", "0.0.0.0", "--port", "8000"]
