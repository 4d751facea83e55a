package hearth.engine.capability;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One SmartThings capability: its camelCase id (as inputs name it, {@code capability.switchLevel}),
 * its display name (as {@code device.capabilities*.name} and {@code hasCapability("Switch Level")}
 * show it), its attributes and its commands.
 */
public record Capability(String id, String name, List<Attribute> attributes, List<Command> commands) {
    public Capability {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        attributes = List.copyOf(attributes);
        commands = List.copyOf(commands);
    }

    public Optional<Command> command(String commandName) {
        return commands.stream().filter(c -> c.name().equals(commandName)).findFirst();
    }

    public Optional<Attribute> attribute(String attributeName) {
        return attributes.stream().filter(a -> a.name().equals(attributeName)).findFirst();
    }

    /** An attribute: {@code values} lists the allowed values of an ENUM, {@code unit} a number's default unit. */
    public record Attribute(String name, Type type, List<String> values, String unit) {
        public Attribute {
            values = List.copyOf(values);
        }

        public enum Type { ENUM, NUMBER, STRING, JSON_OBJECT, VECTOR3 }
    }

    /**
     * A command. {@code effects} say what a virtual device does when it runs the command: each sets
     * one attribute to a constant or to one of the arguments.
     */
    public record Command(String name, List<Argument> arguments, List<Effect> effects) {
        public Command {
            arguments = List.copyOf(arguments);
            effects = List.copyOf(effects);
        }

        /** How many arguments the command requires; the others are optional. */
        public int requiredArguments() {
            return (int) arguments.stream().filter(Argument::required).count();
        }
    }

    public record Argument(String name, Attribute.Type type, boolean required, Integer min, Integer max) {
    }

    /** Sets {@code attribute} to {@code constant}, or to argument {@code argumentIndex} when that is >= 0. */
    public record Effect(String attribute, String constant, int argumentIndex) {
        public static Effect set(String attribute, String constant) {
            return new Effect(attribute, constant, -1);
        }

        public static Effect fromArgument(String attribute, int index) {
            return new Effect(attribute, null, index);
        }
    }
}
