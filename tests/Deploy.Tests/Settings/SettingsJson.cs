using System.Text.Json.Nodes;

namespace AppDelivery.Aspire.Deploy.Tests.Settings;

/// <summary>The committed <c>deploysettings.json</c> as a JSON tree, to break one field per test.</summary>
internal static class SettingsJson
{
    public const string FileName = "test-settings.json";

    public static JsonObject Committed() => JsonNode.Parse(File.ReadAllText(RepositoryPaths.Settings))!.AsObject();

    public static JsonObject With(string path, JsonNode? value)
    {
        var root = Committed();
        var segments = path.Split('.');
        JsonObject parent = root;
        foreach (var segment in segments[..^1])
        {
            parent = parent[segment]!.AsObject();
        }

        parent[segments[^1]] = value;
        return root;
    }

    public static JsonObject Without(string path)
    {
        var root = Committed();
        var segments = path.Split('.');
        JsonObject parent = root;
        foreach (var segment in segments[..^1])
        {
            parent = parent[segment]!.AsObject();
        }

        parent.Remove(segments[^1]);
        return root;
    }
}
