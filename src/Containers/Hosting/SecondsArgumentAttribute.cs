using System.Globalization;
using System.Management.Automation;

namespace Containers.PowerShell.Hosting
{
    /// <summary>
    /// Lets a TimeSpan parameter take a number of seconds: PowerShell alone would read -ResponseTimeout 5 as five ticks and
    /// '5' as five days. A TimeSpan, and a string such as 00:02:00, pass through to PowerShell's own conversion. A number
    /// too large for a TimeSpan becomes the longest one, so that the command's range check names it.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class SecondsArgumentAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            switch (value)
            {
                case string text when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed):
                    return FromSeconds(parsed, text);
                case byte _:
                case sbyte _:
                case short _:
                case ushort _:
                case int _:
                case uint _:
                case long _:
                case ulong _:
                case float _:
                case double _:
                case decimal _:
                    return FromSeconds(Convert.ToDouble(value, CultureInfo.InvariantCulture), value);
                default:
                    return value;
            }
        }

        private static TimeSpan FromSeconds(double seconds, object given)
        {
            if (double.IsNaN(seconds))
            {
                throw new ArgumentTransformationMetadataException($"'{given}' is not a number of seconds.");
            }

            if (seconds >= TimeSpan.MaxValue.TotalSeconds)
            {
                return TimeSpan.MaxValue;
            }

            return seconds <= TimeSpan.MinValue.TotalSeconds ? TimeSpan.MinValue : TimeSpan.FromTicks((long)(seconds * TimeSpan.TicksPerSecond));
        }
    }
}
