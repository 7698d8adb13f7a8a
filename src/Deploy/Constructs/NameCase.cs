using System.Globalization;
using System.Text;

namespace AppDelivery.Aspire.Deploy.Constructs;

/// <summary>Turns resource names such as <c>api-key</c> into construct/logical-ID parts such as <c>ApiKey</c>.</summary>
public static class NameCase
{
    public static string Pascal(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var builder = new StringBuilder(name.Length);
        var upper = true;
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                upper = true;
                continue;
            }

            builder.Append(upper ? char.ToUpper(c, CultureInfo.InvariantCulture) : c);
            upper = false;
        }

        return builder.ToString();
    }
}
