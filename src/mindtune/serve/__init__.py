"""``mindtune serve``: web page, OpenAI-compatible API and health check in one process.

Modules: ``settings`` (limits), ``types`` (request/response bodies), ``errors`` (OpenAI-shaped
errors), ``runtime`` (engines, queue, conversation log), ``api`` (/v1 and /health), ``web``
(Gradio page), ``app`` (``create_app`` and ``run_server``).
"""
