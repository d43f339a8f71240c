package org.alaraaudit.model;

/** Whom a protocol is meant for, as the protocol catalog says. */
public enum Population { ADULT, PEDIATRIC, ANY }
