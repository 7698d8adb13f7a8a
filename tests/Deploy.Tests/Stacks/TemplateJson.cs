using System.Text.Json.Nodes;

namespace AppDelivery.Aspire.Deploy.Tests.Stacks;

/// <summary>Queries over a synthesized template's JSON, for whole-template scans the CDK matchers cannot express.</summary>
internal static class TemplateJson
{
    public static IEnumerable<(string Id, JsonObject Resource)> Resources(this JsonObject template, string? type = null) =>
        template["Resources"]!.AsObject()
            .Where(r => type is null || (string?)r.Value!["Type"] == type)
            .Select(r => (r.Key, r.Value!.AsObject()));

    public static JsonObject Resource(this JsonObject template, string logicalId) =>
        template["Resources"]![logicalId]?.AsObject()
            ?? throw new Xunit.Sdk.XunitException($"No resource {logicalId} in the template.");

    public static JsonObject Properties(this JsonObject resource) => resource["Properties"]!.AsObject();

    public static IReadOnlyList<string> DependsOn(this JsonObject resource) => resource["DependsOn"] switch
    {
        JsonArray array => array.Select(d => (string)d!).ToArray(),
        JsonValue value => [(string)value!],
        _ => [],
    };

    /// <summary>The container definition named <paramref name="container"/> in any task definition.</summary>
    public static JsonObject Container(this JsonObject template, string container) =>
        template.Resources("AWS::ECS::TaskDefinition")
            .SelectMany(t => t.Resource.Properties()["ContainerDefinitions"]!.AsArray())
            .Select(c => c!.AsObject())
            .SingleOrDefault(c => (string?)c["Name"] == container)
            ?? throw new Xunit.Sdk.XunitException($"No container {container} in the template.");

    public static IReadOnlyDictionary<string, JsonNode> Variables(this JsonObject container) =>
        (container["Environment"]?.AsArray() ?? [])
            .ToDictionary(v => (string)v!["Name"]!, v => v!["Value"]!, StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, JsonNode> Secrets(this JsonObject container) =>
        (container["Secrets"]?.AsArray() ?? [])
            .ToDictionary(v => (string)v!["Name"]!, v => v!["ValueFrom"]!, StringComparer.Ordinal);

    /// <summary>Every IAM policy statement in the template, with the resource that holds it.</summary>
    public static IEnumerable<(string Id, JsonObject Statement)> PolicyStatements(this JsonObject template)
    {
        foreach (var (id, resource) in template.Resources("AWS::IAM::Policy"))
        {
            foreach (var statement in resource.Properties()["PolicyDocument"]!["Statement"]!.AsArray())
            {
                yield return (id, statement!.AsObject());
            }
        }

        foreach (var (id, resource) in template.Resources("AWS::IAM::Role"))
        {
            foreach (var policy in resource.Properties()["Policies"]?.AsArray() ?? [])
            {
                foreach (var statement in policy!["PolicyDocument"]!["Statement"]!.AsArray())
                {
                    yield return (id, statement!.AsObject());
                }
            }
        }
    }

    public static IReadOnlyList<JsonNode> AsList(this JsonNode? node) => node switch
    {
        null => [],
        JsonArray array => array.Select(n => n!).ToArray(),
        _ => [node],
    };

    /// <summary>Every string anywhere in the node, for scans.</summary>
    public static IEnumerable<(string Path, string Value)> Strings(this JsonNode node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, child) in o)
                {
                    if (child is not null)
                    {
                        foreach (var s in Strings(child))
                        {
                            yield return s;
                        }
                    }
                }

                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    if (child is not null)
                    {
                        foreach (var s in Strings(child))
                        {
                            yield return s;
                        }
                    }
                }

                break;
            case JsonValue v when v.TryGetValue<string>(out var text):
                yield return (v.GetPath(), text);
                break;
        }
    }
}
