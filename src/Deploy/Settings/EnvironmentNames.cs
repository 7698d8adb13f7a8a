using System.Globalization;
using System.Text.RegularExpressions;

namespace AppDelivery.Aspire.Deploy.Settings;

/// <summary>Naming rules of environments: the fixed ones are keys of <c>environments</c>; previews are <c>pr-N</c>.</summary>
public static partial class EnvironmentNames
{
    /// <summary>Key of the settings every <c>pr-N</c> preview is made from.</summary>
    public const string PreviewTemplate = "pr";

    public const string PreviewPattern = "pr-<n>";

    public static bool IsValidKey(string name) => KeyRegex().IsMatch(name);

    /// <summary>True for <c>pr-1</c>, <c>pr-42</c>; the number is positive, without leading zeros.</summary>
    public static bool TryParsePreview(string name, out int pullRequestNumber)
    {
        var match = PreviewRegex().Match(name);
        pullRequestNumber = match.Success
            && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : 0;
        return pullRequestNumber > 0;
    }

    public static bool LooksLikePreview(string name) => name.StartsWith("pr-", StringComparison.Ordinal);

    [GeneratedRegex("^[a-z][a-z0-9]{0,11}$")]
    private static partial Regex KeyRegex();

    [GeneratedRegex("^pr-([1-9][0-9]{0,6})$")]
    private static partial Regex PreviewRegex();
}
