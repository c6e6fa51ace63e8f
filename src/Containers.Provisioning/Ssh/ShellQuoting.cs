namespace Containers.Provisioning.Ssh
{
    /// <summary>Quotes a value for a POSIX shell: inside single quotes nothing is special, and a quote is written as '\''.</summary>
    public static class ShellQuoting
    {
        public static string Quote(string value) => "'" + (value ?? string.Empty).Replace("'", "'\\''") + "'";
    }
}
