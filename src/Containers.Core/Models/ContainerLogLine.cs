namespace Containers.Models
{
    /// <summary>Which output stream a line came from.</summary>
    public enum LogStream
    {
        Stdout,
        Stderr,
    }

    /// <summary>One line of a container's output.</summary>
    public sealed class ContainerLogLine
    {
        public ContainerLogLine(string containerName, LogStream stream, DateTime? timestamp, string text)
        {
            ContainerName = containerName;
            Stream = stream;
            Timestamp = timestamp;
            Text = text;
        }

        public string ContainerName { get; }

        public LogStream Stream { get; }

        /// <summary>Local time; present when -Timestamps was given.</summary>
        public DateTime? Timestamp { get; }

        public string Text { get; }

        public override string ToString() => Text;
    }
}
