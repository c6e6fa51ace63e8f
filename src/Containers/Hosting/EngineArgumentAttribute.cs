using System.Collections;
using System.Management.Automation;
using Containers.EngineSelection;
using Containers.Models;

namespace Containers.PowerShell.Hosting
{
    /// <summary>
    /// Lets -Engine take ContainerEngine objects (or ContainerEngineInfo snapshots), addresses (unix://, npipe://, tcp://,
    /// ssh://, host:port), hosts of the host store and docker context names, wildcards over those names allowed (web*), one
    /// or many, and hands the cmdlet the engines, each once (<see cref="EngineSelector.FromArguments"/>).
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class EngineArgumentAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            object? value = Unwrap(inputData);
            if (value == null)
            {
                return null;
            }

            IEnumerable<object?> items = !(value is string) && value is IEnumerable many ? many.Cast<object?>() : new[] { inputData };
            try
            {
                return EngineSelector.ForProcess.FromArguments(items.Where(item => Unwrap(item) != null).Select(Argument!), PowerShellSession.Key).ToArray();
            }
            catch (ArgumentException e)
            {
                throw new ArgumentTransformationMetadataException(e is Containers.Errors.InvalidParameterException invalid ? invalid.Reason : e.Message, e);
            }
        }

        /// <summary>
        /// An engine as is; a snapshot from Get-ContainerEngine stands for its engine; anything else (a name read back from
        /// Export-Csv or Export-Clixml, an address, a context, a pattern) by its text.
        /// </summary>
        private static object Argument(object? item)
        {
            object value = Unwrap(item)!;
            return value is ContainerEngine || value is ContainerEngineInfo ? value : TextOf(item!, value);
        }

        private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;

        /// <summary>
        /// A deserialized snapshot (Export-Clixml, job output) is a property bag whose Engine holds the engine's name; any
        /// other deserialized object reads as the text it was serialized with.
        /// </summary>
        private static string TextOf(object inputData, object value)
        {
            if (inputData is PSObject deserialized && value is PSCustomObject)
            {
                return (deserialized.Properties["Engine"]?.Value ?? deserialized).ToString()!;
            }

            return value.ToString()!;
        }
    }
}
