namespace AppDelivery.Aspire.Deploy.Settings;

/// <summary>An invalid <c>deploysettings.json</c>; <see cref="InputException.Field"/> is the JSON path.</summary>
public sealed class SettingsException : InputException
{
    public SettingsException(string file, string field, string detail)
        : base(file, field, detail)
    {
    }

    public SettingsException(string file, string field, string detail, Exception innerException)
        : base(file, field, detail, innerException)
    {
    }
}
