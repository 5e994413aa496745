"""The sentences the transport says to users (declared with ``msg`` so they can be translated; see
``interpreter.core.messages``). Region names live here because the transport is where regions are named."""

from __future__ import annotations

from interpreter.core.messages import msg

# ---- region names (parameters of other messages) -----------------------------------------------------------------
REGION_SINGAPORE = msg("region.singapore", "Singapore")
REGION_BEIJING = msg("region.beijing", "Beijing")
#: " (Singapore)" after "the service": where a request went, when that is worth saying.
IN_REGION = msg("region.in_parentheses", " ({region})")

# ---- the service refused the connection or a request (handshake status, HTTP status, error inside a stream) -------
#: The model parameter of the sentences below when the request named none.
THIS_MODEL = msg("model.this_model", "this model")
QUOTA_EXHAUSTED = msg(
    "quota.exhausted",
    "The account's quota for {model}{where} is used up (or the account is in arrears): top up or raise the quota in "
    "the Model Studio console, or turn off the 'free tier only' mode; waiting will not help.",
)
CONTENT_REFUSED = msg(
    "service.content_refused",
    "The service's content check refused this input or its translation; this part cannot be translated as is.",
)
KEY_REJECTED = msg(
    "auth.key_rejected",
    "The service{where} rejected the API key: check that it is correct and that it was created for this region "
    "(keys are region-bound: a Beijing key does not work in Singapore and vice versa).",
)
NO_API_KEY = msg("auth.no_key", "No API key is set: add one in Settings or set DASHSCOPE_API_KEY.")
MODEL_DENIED = msg(
    "access.model_denied",
    "This API key may not use {model}{where}: enable the model in the Model Studio console, check that the account "
    "is in good standing, or turn off the 'free tier only' mode.",
)
MODEL_NOT_FOUND = msg(
    "config.model_not_available",
    "The model {model} is not available at this service address{where}; choose another model or region.",
)
RATE_LIMITED_RETRY_IN = msg(
    "rate_limit.retry_in",
    "The service is limiting requests for this account (too many requests or tokens per minute). "
    "Trying again in {seconds:.0f} s.",
)
RATE_LIMITED_RETRY_SOON = msg(
    "rate_limit.retry_soon",
    "The service is limiting requests for this account (too many requests or tokens per minute). Trying again shortly.",
)
#: The rate-limit sentence without a promise to retry (the connection's status says when, and whether, it retries).
RATE_LIMITED = msg(
    "rate_limit.limited",
    "The service is limiting requests for this account (too many sessions or tokens per minute).",
)
SERVER_PROBLEM_HTTP = msg(
    "service.internal_problem_http",
    "The translation service had an internal problem (HTTP {status}); trying again usually helps.",
)
SERVER_PROBLEM = msg(
    "service.internal_problem", "The translation service had an internal problem; trying again usually helps."
)
CONNECTION_REFUSED_HTTP = msg(
    "service.connection_refused_http",
    "The service refused the connection (HTTP {status}); check the model and the service address.",
)
REQUEST_REFUSED_HTTP = msg(
    "service.request_refused_http",
    "The service refused the request (HTTP {status}); check the model, the options and the service address.",
)
REQUEST_REFUSED = msg(
    "service.request_refused", "The service refused the request; check the model, the options and the service address."
)
NOT_THE_SERVICE_HTTP = msg(
    "network.not_the_service",
    "Something other than the translation service answered (HTTP {status}); check the network, proxy or service "
    "address.",
)

# ---- connecting ----------------------------------------------------------------------------------------------------
INVALID_WEBSOCKET_URL = msg(
    "config.invalid_websocket_url", "The service address for {host} is not a valid WebSocket URL."
)
CONNECT_TIMEOUT = msg(
    "network.timeout",
    "The translation service at {host} did not answer in time; check the internet connection.",
)
# ---- the service closed a running session (close codes) ----------------------------------------------------------
CLOSED_REFUSED = msg(
    "service.closed_refused",
    "The translation service closed the session because it refused what was sent; start it again, and report this "
    "if it repeats.",
)
CLOSED_SERVER_PROBLEM = msg(
    "service.closed_internal_problem",
    "The translation service had an internal problem and closed the connection; reconnecting.",
)
UPGRADE_FAILED = msg(
    "network.upgrade_failed",
    "The connection to {host} could not be upgraded to a live session; check the proxy or service address.",
)
UNREACHABLE = msg(
    "network.unreachable", "Cannot reach the translation service at {host}; check the internet connection."
)
CONNECT_FAILED = msg("network.connect_failed", "Connecting to {host} failed unexpectedly; trying again may help.")
CONNECTION_DROPPED = msg("network.connection_dropped", "The connection to the translation service dropped.")
STOPPED_BEFORE_START = msg("network.stopped_before_start", "The live session was stopped before it started.")
INTERNAL_STOP = msg("network.internal_error", "The live session stopped because of an internal error; start it again.")
STALLED = msg(
    "network.stalled",
    "The translation service stopped answering (no reply to speech for {seconds:.0f} s); reconnecting and sending "
    "the unanswered speech again.",
)
#: The final word when reconnecting stops: ``{reason}`` is the last failure's sentence (without its retry advice).
GAVE_UP = msg("network.gave_up", "Gave up after {tries} tries over {seconds:.0f} s: {reason}")
SESSION_NOT_STARTED = msg(
    "network.session_not_started",
    "The service accepted the connection but did not start the session within {seconds:.0f} s; trying again may help.",
)

# ---- endpoints -----------------------------------------------------------------------------------------------------
UNKNOWN_REGION = msg("config.unknown_region", "Unknown region {value}; choose one of: {choices}.")
INVALID_SERVICE_ADDRESS = msg(
    "config.invalid_service_address", "The service address {address} is not a valid http(s):// or ws(s):// URL."
)

ANSWER_STOPPED_EARLY = msg(
    "network.answer_stopped_early",
    "The translation service's answer stopped before it was complete; the request will be made again.",
)
HTTP_CONNECTION_FAILED = msg(
    "network.http_connection_failed", "The connection to the translation service at {host} failed."
)
ANSWER_NOT_OBJECT = msg("service.answer_not_object", "The service sent an answer that is not a JSON object.")
ANSWER_NOT_FINISHED = msg(
    "network.answer_not_finished",
    "The translation service's answer ended without saying it was complete; the request will be made again.",
)
DROPPED_WHILE_ARRIVING = msg(
    "network.dropped_while_arriving",
    "The connection dropped while the translation was arriving; the request will be made again.",
)
CERTIFICATE_UNVERIFIED = msg(
    "network.certificate_unverified",
    "The certificate of {host} could not be verified, so nothing was sent; if a company proxy inspects "
    "HTTPS, set SSL_CERT_FILE to a file holding its root certificate.",
)
UNREACHABLE_OR_PROXY = msg(
    "network.unreachable_or_proxy",
    "Cannot reach the translation service at {host}; check the internet connection or proxy.",
)
ADDRESS_NOT_HTTP = msg("config.address_not_http", "The service address {address} cannot be used for HTTP.")
ANSWER_NOT_JSON = msg("service.answer_not_json", "The service sent an answer that is not valid JSON.")
NOT_AN_EVENT_STREAM = msg("service.not_an_event_stream", "The service's streamed answer is not an event stream.")
STOPPED_ANSWERING = msg(
    "network.stopped_answering",
    "The translation service at {host} stopped answering; check the internet connection.",
)

UPLOAD_REFUSED_TWICE = msg(
    "upload.refused_twice",
    "The temporary upload of {file} was refused twice (expired or invalid upload permission); try again later.",
)
UPLOAD_NO_POLICY = msg("upload.no_policy", "The upload service's answer has no policy.")
UPLOAD_TOO_LARGE = msg("upload.too_large", "{file} is larger than the {megabytes:g} MB the temporary upload allows.")
RESULT_DOWNLOAD_FAILED = msg(
    "upload.result_download_failed",
    "Downloading the translated picture from {host} failed; check the internet connection.",
)
UPLOAD_POLICY_FIELD_MISSING = msg("upload.policy_field_missing", "The upload service's policy lacks the field {field}.")
RESULT_LINK_EXPIRED = msg(
    "upload.result_link_expired",
    "The translated picture's link has expired (results are kept 24 hours); translate the picture again.",
)
RESULT_TOO_LARGE = msg(
    "upload.result_too_large", "The translated picture is larger than any result should be; it was ignored."
)

# ---- Gummy (transport.gummy) ---------------------------------------------------------------------------------------
GUMMY_BEIJING_ONLY = msg(
    "region.gummy_beijing_only",
    "Gummy is offered only in the Beijing region: switch the region to Beijing (with a Beijing API key) "
    "or choose LiveTranslate.",
)
GUMMY_TASK_NOT_STARTED = msg(
    "network.gummy_task_not_started",
    "The Gummy service accepted the connection but did not start the task within {seconds:.0f} s.",
)
