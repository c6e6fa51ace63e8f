using System.Management.Automation;
using System.Security;

namespace Containers.PowerShell.Hosting
{
    /// <summary>
    /// Lets a SecureString parameter take a plain string too. Access tokens arrive both ways: Get-AzAccessToken's Token
    /// is a string up to Az.Accounts 4 and a SecureString from 5, and az account get-access-token prints a string.
    /// The string is copied into a read-only SecureString at once; nothing else keeps it.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class SecretArgumentAttribute : ArgumentTransformationAttribute
    {
        /// <summary>
        /// Leave what is neither a string nor a SecureString to PowerShell's binder rather than refuse it here: for a
        /// parameter bound from the pipeline by value, so that a piped object that is no secret (a file) can still bind
        /// to another parameter by property name, which a refusal here would prevent.
        /// </summary>
        public bool PassOtherTypes { get; set; }

        public override object? Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            switch (value)
            {
                case null:
                case SecureString _:
                    return value;
                case string text:
                    var secure = new SecureString();
                    foreach (char c in text)
                    {
                        secure.AppendChar(c);
                    }

                    secure.MakeReadOnly();
                    return secure;
                default:
                    if (PassOtherTypes)
                    {
                        return inputData;
                    }

                    // Not the value in the message: it may be the secret in some other wrapping.
                    throw new ArgumentTransformationMetadataException($"A secret is a string or a SecureString, not a {value.GetType().Name}.");
            }
        }
    }
}
