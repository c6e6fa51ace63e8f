namespace Containers.Output
{
    /// <summary>
    /// The subset of PowerShell's ErrorCategory this module reports, with the same names, so the cmdlet layer maps by
    /// name without this assembly referencing PowerShell.
    /// </summary>
    public enum ErrorKind
    {
        NotSpecified,
        InvalidArgument,
        InvalidData,
        InvalidOperation,
        InvalidResult,
        NotImplemented,
        ObjectNotFound,
        OperationStopped,
        OperationTimeout,
        PermissionDenied,
        ResourceBusy,
        ResourceExists,
        ResourceUnavailable,
        ReadError,
        WriteError,
        FromStdErr,
        SecurityError,
        ProtocolError,
        ConnectionError,
        AuthenticationError,
    }
}
