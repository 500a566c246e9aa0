namespace Winyx.Alerts.Rules;

/// <summary>The alerting rules, and what could not be read.</summary>
public sealed record RulesReport(IReadOnlyList<RuleView> Rules, IReadOnlyList<string> Problems);
