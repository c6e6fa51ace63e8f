namespace Containers.Azure.Arm
{
    /// <summary>Azure Resource Manager refused a request or an operation failed; the message is Azure's own (code and text).</summary>
    public sealed class ArmRequestException : Exception
    {
        public ArmRequestException(string message, int status = 0, string? code = null)
            : base(message)
        {
            Status = status;
            Code = code;
        }

        public int Status { get; }

        public string? Code { get; }
    }
}
