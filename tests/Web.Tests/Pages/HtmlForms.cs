using System.Net;
using System.Text.RegularExpressions;

namespace AppDelivery.Aspire.Web.Tests.Pages;

/// <summary>Reads what a test needs from rendered pages, without a browser.</summary>
public static partial class HtmlForms
{
    public static string AntiforgeryToken(string html)
    {
        var match = AntiforgeryTokenPattern().Match(html);
        Assert.True(match.Success, "The page has no antiforgery token field.");
        return match.Groups["value"].Value;
    }

    /// <summary>The text of the validation message element with the given id (decoded), or null if it is empty.</summary>
    public static string? ValidationMessage(string html, string elementId)
    {
        var match = Regex.Match(
            html,
            $"<span[^>]*id=\"{Regex.Escape(elementId)}\"[^>]*>(?<text>[^<]*)</span>",
            RegexOptions.CultureInvariant,
            TimeSpan.FromSeconds(1));
        Assert.True(match.Success, $"The page has no element with id '{elementId}'.");
        var text = WebUtility.HtmlDecode(match.Groups["text"].Value).Trim();
        return text.Length == 0 ? null : text;
    }

    public static FormUrlEncodedContent Form(string token, params (string Name, string Value)[] fields) =>
        new([new("__RequestVerificationToken", token), .. fields.Select(field => KeyValuePair.Create(field.Name, field.Value))]);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<value>[^\"]+)\"", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex AntiforgeryTokenPattern();
}
