namespace Winyx.Testing.Fuzzing;

/// <summary>One generated case: its number in the run, the seed that regenerates it, and the value.</summary>
/// <typeparam name="T">The case type.</typeparam>
/// <param name="Number">0-based position in the run.</param>
/// <param name="Seed">The PCG seed this case was generated from.</param>
/// <param name="Value">The generated value.</param>
public sealed record FuzzCase<T>(int Number, string Seed, T Value);
