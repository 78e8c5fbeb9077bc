"""A real SMTP server on loopback (aiosmtpd) that refuses the first messages, then accepts."""

import socket

from aiosmtpd.controller import Controller


class RefusingThenAccepting:
    """Answers ``451`` (try again later) to the first ``refusals`` messages, then ``250``."""

    def __init__(self, refusals):
        self.refusals = refusals
        self.refused = 0
        self.received = []

    async def handle_DATA(self, server, session, envelope):
        if self.refused < self.refusals:
            self.refused += 1
            return "451 4.3.0 Boite pleine, reessayez plus tard"
        self.received.append(envelope)
        return "250 OK"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class SMTPServers:
    """``start(refusals)`` starts a server and returns its handler and port; ``stop()`` all."""

    def __init__(self):
        self.controllers = []

    def start(self, refusals):
        handler = RefusingThenAccepting(refusals)
        controller = Controller(handler, hostname="127.0.0.1", port=free_port())
        controller.start()
        self.controllers.append(controller)
        return handler, controller.port

    def stop(self):
        for controller in self.controllers:
            controller.stop()


def mailers_through(port):
    """The production MAILERS, the real mailer being SMTP to ``port``."""
    return {
        "default": {"BACKEND": "home.mail.QueuedEmailBackend"},
        "outgoing": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "timeout": 5},
        },
    }
