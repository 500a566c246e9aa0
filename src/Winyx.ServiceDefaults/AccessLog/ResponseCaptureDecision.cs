using Microsoft.AspNetCore.Http;

namespace Winyx.ServiceDefaults.AccessLog;

/// <summary>
/// Whether a response's body is kept for the access log, decided once, at its first write: by then the
/// status is final, and only responses the access log prints a body for (status ≥ BodyFromStatus) pay
/// for the copy.
/// </summary>
internal sealed class ResponseCaptureDecision
{
    private readonly HttpResponse _response;
    private readonly int _fromStatus;
    private bool? _capturing;

    public ResponseCaptureDecision(HttpResponse response, int fromStatus)
    {
        _response = response;
        _fromStatus = fromStatus;
    }

    public bool Capturing => _capturing ??= _response.StatusCode >= _fromStatus;
}
