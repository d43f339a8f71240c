package org.alaraaudit.audit.spill;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.LocalDateTime;

/**
 * The spill format of a part whose every component is a number, flag, time, enum constant or seldom-repeating
 * text: the components in the order the record declares them. A part written this way takes a new component
 * without a change here. Parts with texts that repeat from row to row (a place, a device) name which ones to
 * number as words, so they have their own codec in {@link RowCodec}.
 */
final class RecordCodec<R extends Record> {
    private final Method[] accessors;
    private final Class<?>[] types;
    private final Constructor<R> constructor;
    /** Each enum component's constants, or null: {@code getEnumConstants()} copies them at every call, i.e. every row. */
    private final Object[][] constants;

    private RecordCodec(Class<R> type) {
        RecordComponent[] components = type.getRecordComponents();
        accessors = new Method[components.length];
        types = new Class<?>[components.length];
        constants = new Object[components.length][];
        for (int i = 0; i < components.length; i++) {
            accessors[i] = components[i].getAccessor();
            // Checked once here rather than at every call: the access check was a tenth of writing a row.
            accessors[i].setAccessible(true);
            types[i] = components[i].getType();
            constants[i] = types[i].getEnumConstants();
            if (!writable(types[i])) {
                throw new IllegalArgumentException(type.getSimpleName() + "." + components[i].getName() + " is a "
                        + types[i].getSimpleName() + ", which a part's spill format does not write");
            }
        }
        try {
            constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(type + " has no canonical constructor", e);
        }
    }

    static <R extends Record> RecordCodec<R> of(Class<R> type) { return new RecordCodec<>(type); }

    private static boolean writable(Class<?> t) {
        return t == Double.class || t == double.class || t == Integer.class || t == int.class || t == boolean.class
                || t == String.class || t == LocalDateTime.class || t.isEnum();
    }

    void write(SpillOut o, R part) throws IOException {
        for (int i = 0; i < accessors.length; i++) {
            Object v = get(i, part);
            Class<?> t = types[i];
            if (t == Double.class) o.number((Double) v);
            else if (t == double.class) o.real((Double) v);
            else if (t == Integer.class) o.whole((Integer) v);
            else if (t == int.class) o.integer((Integer) v);
            else if (t == boolean.class) o.flag((Boolean) v);
            else if (t == String.class) o.text((String) v);
            else if (t == LocalDateTime.class) o.time((LocalDateTime) v);
            else o.choice((Enum<?>) v);
        }
    }

    R read(SpillIn in) throws IOException {
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            Class<?> t = types[i];
            if (t == Double.class) args[i] = in.number();
            else if (t == double.class) args[i] = in.real();
            else if (t == Integer.class) args[i] = in.whole();
            else if (t == int.class) args[i] = in.integer();
            else if (t == boolean.class) args[i] = in.flag();
            else if (t == String.class) args[i] = in.text();
            else if (t == LocalDateTime.class) args[i] = in.time();
            else args[i] = in.choice((Enum[]) constants[i]);
        }
        try {
            return constructor.newInstance(args);
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot rebuild a " + constructor.getDeclaringClass().getSimpleName(), e);
        }
    }

    private Object get(int i, R part) {
        try {
            return accessors[i].invoke(part);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + accessors[i], e);
        }
    }
}
