namespace Containers.Errors
{
    /// <summary>
    /// A parameter value the module cannot use, found before anything was sent to the engine. Becomes an
    /// InvalidArgument error record naming the parameter and the value.
    /// </summary>
    /// <remarks>
    /// It lives on the lowest floor that throws it (the Ssh and Azure drivers check their parameters here, Core's parsers
    /// above), so that ErrorClassifier maps one type to one kind of error whoever threw it; it keeps the namespace it had
    /// in Core, where most of its throwers are.
    /// </remarks>
    public sealed class InvalidParameterException : ArgumentException
    {
        public InvalidParameterException(string parameterName, object? value, string message)
            : base(message, parameterName)
        {
            Value = value;
        }

        /// <summary>The offending value, as the user gave it.</summary>
        public object? Value { get; }

        /// <summary>The message without the "(Parameter 'x')" suffix .NET Core appends.</summary>
        public string Reason => base.Message.Split(new[] { " (Parameter '" }, StringSplitOptions.None)[0];
    }
}
