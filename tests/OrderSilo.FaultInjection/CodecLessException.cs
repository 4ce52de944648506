namespace OrderSilo.FaultInjection;

/// <summary>An exception type Orleans has no codec for, and that the API host cannot even load.</summary>
public sealed class CodecLessException : Exception
{
    public CodecLessException()
    {
    }

    public CodecLessException(string message) : base(message)
    {
    }

    public CodecLessException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
