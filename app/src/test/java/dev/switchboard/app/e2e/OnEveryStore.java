package dev.switchboard.app.e2e;

import dev.switchboard.app.StoreKind;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs the annotated suite once per {@link StoreKind}, against an application its {@link RunningSwitchboard}
 * starts on that store: every black-box test proves every store, and a store added later is covered without a
 * new test. The suite declares the store as a field, {@code @Parameter StoreKind store;}. (JUnit's parameterised
 * classes are still marked experimental; they have worked unchanged since 5.13.)
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedClass(name = "on {0}")
@EnumSource(StoreKind.class)
@interface OnEveryStore {}
