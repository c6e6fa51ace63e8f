using System;

namespace Containers.Errors
{
    /// <summary>
    /// A parameter value the module cannot use, found before anything was sent to the engine. Becomes an
    /// InvalidArgument error record naming the parameter and the value.
    /// </summary>
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
