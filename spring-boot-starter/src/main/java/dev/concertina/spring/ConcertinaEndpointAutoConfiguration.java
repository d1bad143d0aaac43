package dev.concertina.spring;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/** The {@code concertina} Actuator endpoint, when Actuator is on the class path and the endpoint is exposed. */
@AutoConfiguration(after = ConcertinaAutoConfiguration.class)
@ConditionalOnClass({Endpoint.class, ConditionalOnAvailableEndpoint.class})
@ConditionalOnBean(ConcertinaStartup.class)
public class ConcertinaEndpointAutoConfiguration {

    @Bean
    @ConditionalOnAvailableEndpoint
    ConcertinaEndpoint concertinaEndpoint(ConcertinaStartup startup) {
        return new ConcertinaEndpoint(startup.database(), startup.source());
    }
}
