namespace Winyx.LoadTests.Scenarios;

/// <summary>Picks items at random in proportion to integer weights.</summary>
internal sealed class WeightedPicker<T>
{
    private readonly T[] _items;
    private readonly int[] _cumulative;

    public WeightedPicker(IEnumerable<(T Item, int Weight)> weighted)
    {
        var list = weighted.ToList();
        _items = list.Select(w => w.Item).ToArray();
        _cumulative = new int[list.Count];
        var sum = 0;
        for (var i = 0; i < list.Count; i++)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(list[i].Weight);
            sum += list[i].Weight;
            _cumulative[i] = sum;
        }
    }

    public T Pick(Random random)
    {
        var ticket = random.Next(_cumulative[^1]);
        var index = Array.BinarySearch(_cumulative, ticket + 1);
        return _items[index >= 0 ? index : ~index];
    }
}
