using System.Collections;
using System.Management.Automation;
using Containers.EngineSelection;
using Containers.Models;

namespace Containers.PowerShell.Hosting
{
    /// <summary>
    /// Lets -Engine take a ContainerEngine object (or a ContainerEngineInfo), an address (unix://, npipe://, tcp://,
    /// ssh://, host:port), a host of the host store or a docker context name, and hands the cmdlet a ContainerEngine either way.
    /// One engine only, for now: several (-Engine a, b) are refused rather than read as one context named
    /// 'System.Object[]'; a one-element array is that element.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class EngineArgumentAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            object item = inputData;
            object? value = Unwrap(item);
            if (!(value is string) && value is IEnumerable many)
            {
                List<object?> items = many.Cast<object?>().ToList();
                if (items.Count != 1)
                {
                    throw new ArgumentTransformationMetadataException(
                        $"-Engine takes one engine for now, and {items.Count} were given ({string.Join(", ", items.Select(Unwrap).Select(Describe))}). "
                        + "To act on several, run the command once per engine: 'a', 'b' | ForEach-Object { Get-Container -Engine $_ }.");
                }

                item = items[0]!;
                value = Unwrap(item);
            }

            if (value == null || value is ContainerEngine)
            {
                return value;
            }

            try
            {
                // A snapshot from Get-ContainerEngine stands for its engine; anything else (a name read back from
                // Export-Csv or Export-Clixml, an address, a context) by its text.
                return EngineSelector.ForProcess.FromArgument(value is ContainerEngineInfo info ? info : (object)TextOf(item, value), PowerShellSession.Key);
            }
            catch (ArgumentException e)
            {
                throw new ArgumentTransformationMetadataException(e is Containers.Errors.InvalidParameterException invalid ? invalid.Reason : e.Message, e);
            }
        }

        private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;

        private static string Describe(object? value) => value is ContainerEngine engine ? "'" + engine.Name + "'" : "'" + value + "'";

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
