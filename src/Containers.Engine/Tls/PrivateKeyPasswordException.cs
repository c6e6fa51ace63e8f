namespace Containers.Engine.Tls
{
    /// <summary>An encrypted key that was given no password, or a password that does not open it.</summary>
    public sealed class PrivateKeyPasswordException : FormatException
    {
        public PrivateKeyPasswordException(string message, bool passwordGiven, Exception? innerException = null)
            : base(message, innerException)
        {
            PasswordGiven = passwordGiven;
        }

        /// <summary>False: no password was given; true: the one given is wrong.</summary>
        public bool PasswordGiven { get; }
    }
}
