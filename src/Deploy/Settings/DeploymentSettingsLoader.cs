using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AppDelivery.Aspire.Deploy.Settings;

/// <summary>Reads and validates <c>deploysettings.json</c> (camelCase; every field present, optional ones as null).</summary>
public static partial class DeploymentSettingsLoader
{
    public const string DefaultFileName = "deploysettings.json";

    private static readonly JsonSerializerOptions SerializerOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    /// <exception cref="SettingsException">Missing file, invalid JSON or an invalid value.</exception>
    public static DeploymentSettings Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new SettingsException(path, "file", "not found");
        }

        return Parse(File.ReadAllText(path), path);
    }

    /// <param name="sourceFile">Named in error messages.</param>
    public static DeploymentSettings Parse(string json, string sourceFile)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(sourceFile);

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: DocumentOptions);
        }
        catch (JsonException e)
        {
            throw new SettingsException(sourceFile, $"line {(e.LineNumber ?? 0) + 1}", "invalid JSON: " + WithoutLocation(e.Message), e);
        }

        if (root is not JsonObject rootObject)
        {
            throw new SettingsException(sourceFile, "$", "expected a JSON object");
        }

        if (!rootObject.ContainsKey("jobs"))
        {
            rootObject["jobs"] = new JsonArray();
        }

        DeploymentSettings? settings;
        try
        {
            settings = rootObject.Deserialize<DeploymentSettings>(SerializerOptions);
        }
        catch (JsonException e)
        {
            throw new SettingsException(sourceFile, FieldOf(e.Path), Describe(e), e);
        }

        if (settings is null)
        {
            throw new SettingsException(sourceFile, "$", "expected a JSON object");
        }

        settings = settings with { SourceFile = sourceFile };
        DeploymentSettingsValidator.Validate(settings);
        return settings;
    }

    private static string FieldOf(string? jsonPath) =>
        string.IsNullOrEmpty(jsonPath) || jsonPath == "$" ? "$" : jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath;

    private static string Describe(JsonException e)
    {
        var message = WithoutLocation(e.Message);
        var missing = MissingPropertiesRegex().Match(message);
        if (missing.Success)
        {
            return $"missing field {missing.Groups[1].Value} (write null to leave an optional field unset)";
        }

        if (message.Contains("doesn't allow null values", StringComparison.Ordinal)
            || message.Contains("does not allow null values", StringComparison.Ordinal))
        {
            return "must not be null";
        }

        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            return "unknown field";
        }

        if (message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
        {
            return $"expected {JsonKindOf(TypeAt(e.Path))}";
        }

        return message;
    }

    /// <summary>The .NET type a JSON path such as <c>$.environments.dev.job.cpu</c> deserializes into.</summary>
    private static Type? TypeAt(string? jsonPath)
    {
        Type? type = typeof(DeploymentSettings);
        foreach (var segment in (jsonPath ?? "$").Split('.', '[').Skip(1))
        {
            if (type is null)
            {
                return null;
            }

            var collection = type.IsGenericType ? type.GetGenericArguments() : [];
            type = segment.EndsWith(']') && collection.Length == 1 ? collection[0]
                : collection.Length == 2 ? collection[1]
                : type.GetProperty(segment, System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.IgnoreCase)?.PropertyType;
        }

        return type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
    }

    private static string JsonKindOf(Type? type) => type switch
    {
        null => "a value of another type",
        _ when type == typeof(int) => "an integer",
        _ when type == typeof(double) || type == typeof(decimal) => "a number",
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(string) => "a string",
        _ when type.IsGenericType && type.GetGenericArguments().Length == 1 => "an array",
        _ => "an object",
    };

    private static string WithoutLocation(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        }

        return (cut < 0 ? message : message[..cut]).TrimEnd('.', ' ', '|');
    }

    [GeneratedRegex("missing required properties including: (.+?)\\.?$")]
    private static partial Regex MissingPropertiesRegex();
}
