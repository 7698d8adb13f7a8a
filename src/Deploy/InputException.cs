namespace AppDelivery.Aspire.Deploy;

/// <summary>
/// Bad input from the user (a settings file, a manifest, an argument): reported as one line naming
/// the file and the field, never as a stack trace. The CLI exits with code 2.
/// </summary>
public class InputException : Exception
{
    public InputException(string file, string field, string detail)
        : base($"{file}: {field}: {detail}")
    {
        File = file;
        Field = field;
        Detail = detail;
    }

    public InputException(string file, string field, string detail, Exception innerException)
        : base($"{file}: {field}: {detail}", innerException)
    {
        File = file;
        Field = field;
        Detail = detail;
    }

    /// <summary>The file as the user named it.</summary>
    public string File { get; }

    /// <summary>Where in the file: a JSON path, a resource and field, or a line.</summary>
    public string Field { get; }

    public string Detail { get; }
}
