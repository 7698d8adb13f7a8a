using System.Text.RegularExpressions;

namespace AppDelivery.Aspire.Deploy.Manifest;

/// <summary>A manifest string split into literal text and <c>{resource.path}</c> references.</summary>
internal static partial class ExpressionTemplate
{
    public static IReadOnlyList<TemplatePart> Parse(string template)
    {
        var parts = new List<TemplatePart>();
        var position = 0;
        foreach (Match match in ReferenceRegex().Matches(template))
        {
            if (match.Index > position)
            {
                parts.Add(new TemplateText(template[position..match.Index]));
            }

            parts.Add(new TemplateReference(match.Groups[1].Value, match.Groups[2].Value));
            position = match.Index + match.Length;
        }

        if (position < template.Length)
        {
            parts.Add(new TemplateText(template[position..]));
        }

        return parts;
    }

    /// <summary>Resource names are letters, digits, dashes and underscores; anything else in braces is text.</summary>
    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9_-]*)\.([A-Za-z0-9_.-]+)\}")]
    private static partial Regex ReferenceRegex();
}

internal abstract record TemplatePart;

internal sealed record TemplateText(string Text) : TemplatePart;

/// <param name="Path">After the resource name, e.g. <c>bindings.http.url</c> or <c>connectionString</c>.</param>
internal sealed record TemplateReference(string Resource, string Path) : TemplatePart
{
    public override string ToString() => $"{{{Resource}.{Path}}}";
}
