using System.Text.Json.Nodes;

namespace AppDelivery.Aspire.Deploy.Summary;

/// <summary>What a synthesized CloudFormation template contains, counted by resource type.</summary>
public sealed record TemplateInventory(string StackName, IReadOnlyDictionary<string, int> CountsByType, int WebAclRules)
{
    public int ResourceCount => CountsByType.Values.Sum();

    public int Count(string resourceType) => CountsByType.GetValueOrDefault(resourceType);

    /// <summary>Reads <c>&lt;stack&gt;.template.json</c> from a cloud assembly directory.</summary>
    public static TemplateInventory Read(string assemblyDirectory, string stackName)
    {
        var path = Path.Combine(assemblyDirectory, $"{stackName}.template.json");
        var resources = JsonNode.Parse(File.ReadAllText(path))?["Resources"]?.AsObject()
            ?? throw new InvalidOperationException($"{path} has no Resources.");
        var counts = resources
            .Select(r => r.Value?["Type"]?.GetValue<string>() ?? "unknown")
            .GroupBy(type => type, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var webAclRules = resources
            .Where(r => r.Value?["Type"]?.GetValue<string>() == "AWS::WAFv2::WebACL")
            .Sum(r => r.Value?["Properties"]?["Rules"]?.AsArray().Count ?? 0);
        return new TemplateInventory(stackName, counts, webAclRules);
    }
}
