namespace Winyx.Backup.Tests.Infrastructure;

/// <summary>A problem-details body, as a client reads it.</summary>
public sealed record ProblemDto(int Status, string? Title, string? Detail);
