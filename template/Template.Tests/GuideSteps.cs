using System.Text.RegularExpressions;

namespace AppDelivery.Aspire.Template.Tests;

/// <summary>
/// The steps of a guide in docs/: fenced blocks whose info string names a file (<c>file=…</c>, with
/// <c>before=…</c> to insert above a line instead of writing the file), and <c>bash</c> blocks to run.
/// </summary>
public sealed partial record GuideStep(string Language, string? TargetFile, string? Before, string Text)
{
    public static IReadOnlyList<GuideStep> Read(string markdownPath) =>
        [.. FencedBlock().Matches(File.ReadAllText(markdownPath)).Select(m =>
        {
            var info = m.Groups["info"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            string? Attribute(string name) => info.Skip(1).FirstOrDefault(a => a.StartsWith(name + "=", StringComparison.Ordinal))?[(name.Length + 1)..];
            return new GuideStep(info.FirstOrDefault() ?? string.Empty, Attribute("file"), Attribute("before"), m.Groups["text"].Value);
        })];

    /// <summary>Writes (or inserts) this step's file in <paramref name="app"/>; false for steps that are not files.</summary>
    public bool ApplyFile(string app)
    {
        if (TargetFile is null)
        {
            return false;
        }

        var path = Path.Combine(app, TargetFile);
        if (Before is null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, Text);
        }
        else
        {
            var content = File.ReadAllText(path);
            Assert.Contains(Before, content, StringComparison.Ordinal);
            File.WriteAllText(path, content.Replace(Before, Text + Before, StringComparison.Ordinal));
        }

        return true;
    }

    [GeneratedRegex(@"^```(?<info>[^\n]*)\n(?<text>.*?)^```$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedBlock();
}
