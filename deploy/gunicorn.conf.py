"""gunicorn settings for Warta behind nginx (deploy/nginx/warta.conf).

    gunicorn -c deploy/gunicorn.conf.py warta.project.wsgi

Environment: WARTA_GUNICORN_BIND (127.0.0.1:8000), WARTA_GUNICORN_WORKERS (2 per core + 1).
"""

import multiprocessing
import os

bind = os.environ.get("WARTA_GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WARTA_GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
# nginx keeps connections to the app open (upstream keepalive).
keepalive = 75
timeout = 30
graceful_timeout = 20
# Recycle workers now and then so a slow leak never grows for weeks.
max_requests = 2000
max_requests_jitter = 200
# Only nginx on this machine may say which client and scheme a request came from.
forwarded_allow_ips = "127.0.0.1"
accesslog = "-"
errorlog = "-"
# wsgi.py falls back to the development settings; this file is for production.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "warta.project.settings.production")
