"""moto in server mode, one request at a time.

moto runs each DynamoDB TransactWriteItems without a lock and undoes a failed one by restoring a copy
of the table taken before it began, so two transactions at once can erase each other: something real
DynamoDB never does. A lock around the WSGI app makes every request atomic with respect to the others
(connections are still accepted on threads), so concurrency tests test our code, not moto's races.
Usage: python3 moto_serialized.py HOST PORT
"""
import os
import sys
import threading

from werkzeug.serving import run_simple
from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app

host, port = sys.argv[1], int(sys.argv[2])
os.environ.setdefault("MOTO_PORT", str(port))
app = DomainDispatcherApplication(create_backend_app)
lock = threading.Lock()


def one_at_a_time(environ, start_response):
    with lock:
        return list(app(environ, start_response))


run_simple(host, port, one_at_a_time, threaded=True)
