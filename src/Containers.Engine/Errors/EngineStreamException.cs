namespace Containers.Engine.Errors
{
    /// <summary>
    /// An error reported inside a 200 response stream: <c>errorDetail</c> in pull, push, build or load output,
    /// or frame type 3 of a multiplexed stream. The HTTP status said success; the stream said otherwise.
    /// </summary>
    public sealed class EngineStreamException : EngineException
    {
        public EngineStreamException(string message, int? code = null)
            : base(message)
        {
            Code = code;
        }

        /// <summary>The code the engine gave (a failing build step's exit code, for example), when it gave one.</summary>
        public int? Code { get; }
    }
}
