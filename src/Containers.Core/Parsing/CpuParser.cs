using System.Globalization;
using Containers.Errors;
using Containers.Text;

namespace Containers.Parsing
{
    /// <summary>A CPU limit as a number of CPUs (1.5), turned into the engine's NanoCpus (billionths of a CPU), as docker --cpus does.</summary>
    public static class CpuParser
    {
        private const string ParameterName = "Cpu";

        public static long ToNanoCpus(object? value)
        {
            object? plain = PlainValues.Unwrap(value);
            decimal cpus;
            try
            {
                cpus = plain is string text
                    ? decimal.Parse(text.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture)
                    : Convert.ToDecimal(plain, CultureInfo.InvariantCulture);
            }
            catch (Exception e) when (e is FormatException || e is InvalidCastException || e is OverflowException)
            {
                throw new InvalidParameterException(ParameterName, value, $"The CPU limit '{plain}' is not valid: give a number of CPUs such as 0.5 or 2.");
            }

            if (plain == null || cpus <= 0)
            {
                throw new InvalidParameterException(ParameterName, value, $"The CPU limit '{plain}' is not valid: it must be greater than 0.");
            }

            // Checked before multiplying: a decimal near its own limit would overflow on the way.
            decimal nano = cpus > long.MaxValue / 1_000_000_000m ? decimal.MaxValue : decimal.Round(cpus * 1_000_000_000m, MidpointRounding.AwayFromZero);
            if (nano < 1 || nano > long.MaxValue)
            {
                throw new InvalidParameterException(ParameterName, value, $"The CPU limit '{plain}' is out of range.");
            }

            return (long)nano;
        }
    }
}
