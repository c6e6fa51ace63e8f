namespace Containers.HelpBuilder.Checks
{
    /// <summary>A parameter an example passes to one of the module's cmdlets (Parameter is null for the cmdlet name alone).</summary>
    public sealed class ExampleUsage
    {
        public ExampleUsage(string command, string? parameter, int line)
        {
            Command = command;
            Parameter = parameter;
            Line = line;
        }

        public string Command { get; }

        /// <summary>As written, without the dash and without a ':value' suffix.</summary>
        public string? Parameter { get; }

        /// <summary>1-based, within the example's code.</summary>
        public int Line { get; }

        public override string ToString() => Parameter == null ? Command : $"{Command} -{Parameter}";
    }
}
