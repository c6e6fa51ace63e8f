namespace Containers.Engine.Errors
{
    /// <summary>No answer: the socket, pipe or TCP address could not be reached, or the connection broke mid-request.</summary>
    public sealed class EngineConnectionException : EngineException
    {
        public EngineConnectionException(string message, Exception? innerException = null)
            : base(message, null, innerException)
        {
        }
    }
}
