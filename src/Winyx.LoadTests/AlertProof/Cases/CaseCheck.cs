namespace Winyx.LoadTests.AlertProof.Cases;

/// <summary>An extra assertion a case made while its alerts fired.</summary>
/// <param name="Name">What was checked.</param>
/// <param name="Passed">Whether it held.</param>
/// <param name="Detail">What was seen.</param>
public sealed record CaseCheck(string Name, bool Passed, string Detail);
