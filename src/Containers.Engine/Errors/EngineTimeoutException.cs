namespace Containers.Engine.Errors
{
    /// <summary>The engine accepted the connection but did not answer within the call's time limit.</summary>
    public sealed class EngineTimeoutException : EngineException
    {
        public EngineTimeoutException(string message, Exception? innerException = null)
            : base(message, null, innerException)
        {
        }
    }
}
