namespace Containers.Models
{
    /// <summary>Which output stream a line came from.</summary>
    public enum LogStream
    {
        Stdout,
        Stderr,
    }

    /// <summary>One line of a container's output (or of a service's task, Get-ContainerServiceLog).</summary>
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

        /// <summary>For a service's log: the task the line came from; null for a container's log.</summary>
        public string? TaskId { get; init; }

        /// <summary>For a service's log: the host name (else the id) of the node the task ran on; null for a container's log.</summary>
        public string? NodeName { get; init; }

        public override string ToString() => Text;
    }
}
