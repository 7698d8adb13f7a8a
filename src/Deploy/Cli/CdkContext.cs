using System.Text.Json;
using System.Text.Json.Nodes;

namespace AppDelivery.Aspire.Deploy.Cli;

/// <summary>
/// The <c>-c key=value</c> context the CDK CLI hands to the app: JSON in <c>CDK_CONTEXT_JSON</c>, plus the keys
/// that did not fit in the environment in the file named by <c>CONTEXT_OVERFLOW_LOCATION_ENV</c>.
/// </summary>
internal static class CdkContext
{
    public const string Source = "cdk context";
    public const string EnvironmentKey = "env";
    public const string ImageTagKey = "imageTag";
    public const string ManifestKey = "manifest";
    public const string SettingsKey = "settings";

    public static SynthOptions ReadSynthOptions(Func<string, string?> getEnvironmentVariable)
    {
        var context = Read(getEnvironmentVariable);
        var environment = Value(context, EnvironmentKey)
            ?? throw new InputException(Source, EnvironmentKey, "missing: pass -c env=<dev|staging|prod|pr-N>");
        return new SynthOptions(
            environment,
            Value(context, ManifestKey) ?? SynthOptions.DefaultManifestPath,
            Value(context, SettingsKey) ?? Settings.DeploymentSettingsLoader.DefaultFileName,
            Value(context, ImageTagKey),
            OutputDirectory: null);
    }

    private static JsonObject Read(Func<string, string?> getEnvironmentVariable)
    {
        var context = Parse(getEnvironmentVariable("CDK_CONTEXT_JSON"), "CDK_CONTEXT_JSON");
        if (getEnvironmentVariable("CONTEXT_OVERFLOW_LOCATION_ENV") is { Length: > 0 } overflowFile)
        {
            foreach (var (key, value) in Parse(File.ReadAllText(overflowFile), overflowFile))
            {
                context[key] = value?.DeepClone();
            }
        }

        return context;
    }

    private static JsonObject Parse(string? json, string origin)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            return JsonNode.Parse(json) as JsonObject ?? throw new InputException(Source, origin, "expected a JSON object");
        }
        catch (JsonException e)
        {
            throw new InputException(Source, origin, "invalid JSON: " + e.Message, e);
        }
    }

    private static string? Value(JsonObject context, string key) =>
        context[key] switch
        {
            null => null,
            JsonValue value when value.TryGetValue<string>(out var text) => text,
            var other => throw new InputException(Source, key, $"expected a string, got {other.ToJsonString()}"),
        };
}
