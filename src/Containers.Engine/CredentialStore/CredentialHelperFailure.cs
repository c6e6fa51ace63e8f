namespace Containers.Engine.CredentialStore
{
    /// <summary>How a credential helper failed, so a caller can tell a missing program from a broken or hung one.</summary>
    public enum CredentialHelperFailure
    {
        /// <summary>No <c>docker-credential-NAME</c> program is on the PATH.</summary>
        NotInstalled,

        /// <summary>The program exists but could not be started (not executable, wrong format).</summary>
        CouldNotStart,

        /// <summary>It did not finish within the timeout and was stopped.</summary>
        TimedOut,

        /// <summary>It exited with an error.</summary>
        Failed,

        /// <summary>It exited successfully but its answer is not the JSON the protocol calls for.</summary>
        InvalidAnswer,
    }
}
