using System.Collections;

namespace Winyx.ServiceDefaults.AccessLog;

/// <summary>Logging scope that adds <c>request_id</c> to every record written while a request is served.</summary>
internal sealed class RequestIdScope : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly KeyValuePair<string, object?> _requestId;

    public RequestIdScope(string requestId)
    {
        _requestId = new KeyValuePair<string, object?>("request_id", requestId);
    }

    public int Count => 1;

    public KeyValuePair<string, object?> this[int index] =>
        index == 0 ? _requestId : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        yield return _requestId;
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"request_id:{_requestId.Value}";
}
